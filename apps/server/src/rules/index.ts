// Every rule family, imported once so that each registers its rules (see ruleRegistry.ts).
// index.test.ts fails when a *.rules.ts file in this folder is missing here.
import './branches.rules.ts';
import './development.rules.ts';
import './dues.rules.ts';
import './flowing.rules.ts';
import './probation.rules.ts';
import './status.rules.ts';
import './transfers.rules.ts';

export { allRules, getRule } from './ruleRegistry.ts';
