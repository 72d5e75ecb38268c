import { DynamicModule, Module } from '@nestjs/common';
import { AppModule, type PersonnelModuleOptions } from '../app.module';
import type { PersonnelConfig } from '../personnel.config';
import { DemoSeeder } from './demo-seeder';

/** The personnel application plus the demo data loader, for `seed.ts`, tests and benchmarks. */
@Module({})
export class DemoModule {
  static forRoot(config: PersonnelConfig, options: PersonnelModuleOptions = {}): DynamicModule {
    return { module: DemoModule, imports: [AppModule.forRoot(config, options)], providers: [DemoSeeder], exports: [DemoSeeder] };
  }
}
