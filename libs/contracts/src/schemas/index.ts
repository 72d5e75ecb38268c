import type { EventContract } from '../registry';
import { appraisalContracts } from './appraisal';
import { careerContracts } from './career';
import { personnelContracts } from './personnel';
import { platformContracts } from './platform';

/** Every event contract the platform knows. Add a service's contracts file here. */
export const eventContracts: EventContract[] = [...platformContracts, ...personnelContracts, ...appraisalContracts, ...careerContracts];
