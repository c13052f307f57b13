// The convergence sweep of 'Import benchmark seed' upgrading a revision-1 workbook (issue 15, point 3;
// issue 17): see describe-sweep.ts and the variant in actions.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Import benchmark seed: upgrade from revision 1');
