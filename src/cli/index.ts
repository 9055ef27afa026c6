import { runDemo } from './demo.js';

const USAGE = `usage: linfit <command>

commands:
  demo    train on the bundled data sets (the lecture notes' commute times, Iris) and report`;

const [command] = process.argv.slice(2);
switch (command) {
  case 'demo':
    console.log(runDemo());
    break;
  case undefined:
  case '-h':
  case '--help':
    console.log(USAGE);
    break;
  default:
    console.error(`linfit: unknown command '${command}'\n\n${USAGE}`);
    process.exitCode = 2;
}
