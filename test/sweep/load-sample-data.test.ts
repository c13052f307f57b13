// The convergence sweep of 'Load sample data' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Load sample data');
