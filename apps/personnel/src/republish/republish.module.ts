import { type DynamicModule, Module } from '@nestjs/common';
import { ACCOUNT_DIRECTORY, type AccountDirectory } from '../accounts/domain/account-directory.port';
import { RepublishHttpController } from './republish.http.controller';
import { RepublishService } from './republish.service';

/**
 * The republish command (`POST /republish`, `nx run personnel:republish`). Takes the account
 * directory from the application module, which owns it (Keycloak, or in memory in unit tests).
 */
@Module({})
export class RepublishModule {
  static forRoot(directory: AccountDirectory): DynamicModule {
    return {
      module: RepublishModule,
      controllers: [RepublishHttpController],
      providers: [{ provide: ACCOUNT_DIRECTORY, useValue: directory }, RepublishService],
      exports: [RepublishService],
    };
  }
}
