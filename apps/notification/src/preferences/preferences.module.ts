import { Module } from '@nestjs/common';
import { PreferencesHttpController } from './preferences.http.controller';
import { PreferencesQuery } from './preferences.query';
import { UnsubscribeUseCase } from './unsubscribe.use-case';
import { UpdatePreferenceUseCase } from './update-preference.use-case';

@Module({
  controllers: [PreferencesHttpController],
  providers: [PreferencesQuery, UpdatePreferenceUseCase, UnsubscribeUseCase],
})
export class PreferencesModule {}
