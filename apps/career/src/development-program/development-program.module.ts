import { Module } from '@nestjs/common';
import { CreateDevelopmentProgram } from './create-development-program.use-case';
import { DevelopmentProgramsHttpController } from './development-programs.http.controller';
import { DevelopmentProgramRepository } from './infrastructure/development-program.repository';
import { ListDevelopmentPrograms } from './list-development-programs.query';

/** The development-program aggregate (the training catalog): its use cases, its query and the repository of its table. */
@Module({
  controllers: [DevelopmentProgramsHttpController],
  providers: [CreateDevelopmentProgram, ListDevelopmentPrograms, DevelopmentProgramRepository],
})
export class DevelopmentProgramModule {}
