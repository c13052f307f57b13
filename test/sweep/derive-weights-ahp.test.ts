// The convergence sweep of 'Derive weights (AHP)' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Derive weights (AHP)');
