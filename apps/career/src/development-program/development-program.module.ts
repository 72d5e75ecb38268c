import { Module } from '@nestjs/common';
import { DevelopmentProgramQueries } from './development-program.queries';
import { DevelopmentProgramsHttpController } from './development-programs.http.controller';
import { DevelopmentProgramRepository } from './infrastructure/development-program.repository';
import { CreateDevelopmentProgram } from './use-cases/create-development-program';

/** The development-program aggregate (the training catalog): its use cases, its queries and the repository of its table. */
@Module({
  controllers: [DevelopmentProgramsHttpController],
  providers: [CreateDevelopmentProgram, DevelopmentProgramQueries, DevelopmentProgramRepository],
})
export class DevelopmentProgramModule {}
