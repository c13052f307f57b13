// The convergence sweep of 'Undo last import' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Undo last import');
