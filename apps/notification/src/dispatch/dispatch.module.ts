import { Module } from '@nestjs/common';
import { PingNotificationService } from '../ping/ping-notification.service';
import { PlatformPingMessageController } from '../ping/platform-ping.message.controller';
import { DispatchEvent } from './use-cases/dispatch-event';
import { NoticeWriter } from './notice-writer.service';
import { AppraisalEventsMessageController } from './appraisal-events.message.controller';
import { CareerEventsMessageController } from './career-events.message.controller';
import { PersonnelEventsMessageController } from './personnel-events.message.controller';

/** Events in, notices out: the rules table, the templates and the Kafka entry points. */
@Module({
  controllers: [PersonnelEventsMessageController, AppraisalEventsMessageController, CareerEventsMessageController, PlatformPingMessageController],
  providers: [NoticeWriter, DispatchEvent, PingNotificationService],
  exports: [NoticeWriter],
})
export class DispatchModule {}
