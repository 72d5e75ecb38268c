import { Module } from '@nestjs/common';
import { PreferencesHttpController } from './preferences.http.controller';
import { PreferencesQueries } from './preferences.queries';
import { Unsubscribe } from './use-cases/unsubscribe';
import { UpdatePreference } from './use-cases/update-preference';

@Module({
  controllers: [PreferencesHttpController],
  providers: [PreferencesQueries, UpdatePreference, Unsubscribe],
})
export class PreferencesModule {}
