// What the objection-reads endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { PageOf } from '@capaian/shared/http';
import { ObjectionResponse } from './objections.responses';

export class ObjectionPage extends PageOf(ObjectionResponse) {}
