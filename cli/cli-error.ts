import type { MessageParams } from '../shared/i18n';
import type { CliMessageId } from '../shared/report/cli-messages';

/**
 * A user mistake the command line reports as one localized line (no stack trace) and exit code 1:
 * `messageId` names a text in `CLI_MESSAGES`, `params` fill it.
 */
export class CliError extends Error {
  readonly messageId: CliMessageId;
  readonly params: MessageParams;

  constructor(messageId: CliMessageId, params: MessageParams = {}) {
    super(messageId);
    this.name = 'CliError';
    this.messageId = messageId;
    this.params = params;
  }
}
