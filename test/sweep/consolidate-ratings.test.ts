// The convergence sweep of 'Consolidate ratings' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Consolidate ratings');
