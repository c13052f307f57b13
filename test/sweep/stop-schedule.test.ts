// The convergence sweep of 'Stop schedule' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Stop schedule');
