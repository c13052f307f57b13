// The convergence sweep of 'Restore deleted benchmark facts…' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Restore deleted benchmark facts…');
