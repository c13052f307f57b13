// The convergence sweep of 'Refresh benchmark' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Refresh benchmark');
