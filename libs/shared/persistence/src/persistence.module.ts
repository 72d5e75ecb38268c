import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthService } from '@capaian/shared/http';
import type { DataSourceOptions } from 'typeorm';
import { DataSource } from 'typeorm';

@Module({})
class DatabaseHealthRegistration implements OnModuleInit {
  constructor(
    private readonly health: HealthService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.health.register('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }
}

/** TypeORM for one service's own database, plus its `database` readiness check. */
@Module({})
export class PersistenceModule {
  static forRoot(options: DataSourceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [TypeOrmModule.forRoot({ ...options, retryAttempts: 3, retryDelay: 1000 })],
      providers: [DatabaseHealthRegistration],
    };
  }
}
