// The convergence sweep of 'Propose partner candidates…' (issue 17, point 7): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Propose partner candidates…');
