import { Module } from '@nestjs/common';
import { SkpYearModule } from '../skp-year.module';
import { AppraisalDemoSeeder } from './appraisal-demo-seeder';

@Module({ imports: [SkpYearModule], providers: [AppraisalDemoSeeder] })
export class AppraisalDemoModule {}
