// The convergence sweep of 'Email report…' (issue 15, point 3): see describe-sweep.ts.
import { describeSweep } from './describe-sweep';

describeSweep('Email report…');
