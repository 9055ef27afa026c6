// The lecture notes' commute example: distance (km), weekday flag → minutes.
export const COMMUTE_CSV = `distance_km,weekday,minutes
2.7,1,25
4.1,1,33
1.0,0,15
5.2,1,45
2.8,0,22
`;
