// The convergence sweep of 'Generate report…' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Generate report…');
