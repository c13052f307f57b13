// The convergence sweep of 'Add country…' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Add country…');
