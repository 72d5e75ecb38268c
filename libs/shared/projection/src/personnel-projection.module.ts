import { Module } from '@nestjs/common';
import { PersonnelDirectory } from './personnel-directory';
import { PersonnelProjection } from './personnel-projection';
import { PersonnelProjectionMessageController } from './personnel-projection.message.controller';

/**
 * Include in a service's root module, after PersistenceModule.forRoot and MessagingModule.forRoot
 * (it uses their DataSource and EventInbox), with `projectionEntities` and `projectionMigrations`
 * listed in the service's data-source.ts. The service's Kafka consumer (connectKafkaConsumer) then
 * feeds it; PersonnelDirectory answers the queries.
 */
@Module({
  controllers: [PersonnelProjectionMessageController],
  providers: [PersonnelProjection, PersonnelDirectory],
  exports: [PersonnelProjection, PersonnelDirectory],
})
export class PersonnelProjectionModule {}
