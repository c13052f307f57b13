// The convergence sweep of 'Set up workbook' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Set up workbook');
