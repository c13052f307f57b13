// The convergence sweep of 'Score partners' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Score partners');
