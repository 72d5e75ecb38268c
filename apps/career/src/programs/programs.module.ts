import { Module } from '@nestjs/common';
import { ProgramPengembanganHttpController } from './program-pengembangan.http.controller';
import { ProgramPengembanganService } from './program-pengembangan.service';

@Module({
  controllers: [ProgramPengembanganHttpController],
  providers: [ProgramPengembanganService],
  exports: [ProgramPengembanganService],
})
export class ProgramsModule {}
