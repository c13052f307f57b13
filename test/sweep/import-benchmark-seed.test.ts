// The convergence sweep of 'Import benchmark seed' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Import benchmark seed');
