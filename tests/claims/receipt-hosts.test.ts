import assert from 'node:assert/strict';
import { isTeamsFileUrl, mayCarryBotToken } from '../../bot/claims/receipt-attachments.js';

describe('where receipts may be fetched from', () => {
  const cases: Array<[string, boolean, boolean]> = [
    ['https://contoso.sharepoint.com/personal/hana/Documents/ticket.png?tempauth=x', false, true],
    ['https://contoso-my.sharepoint.com/personal/hana/_layouts/15/download.aspx?UniqueId=1', false, true],
    ['https://smba.trafficmanager.net/uk/v3/attachments/abc/views/original', false, true],
    ['https://eu-api.asm.skype.com/v1/objects/0-weu-d1/views/imgo', false, true],
    ['http://contoso.sharepoint.com/ticket.png', false, false],
    ['https://contoso.sharepoint.com.evil.example/ticket.png', false, false],
    ['https://user:pass@contoso.sharepoint.com/ticket.png', false, false],
    ['http://169.254.169.254/metadata/identity/oauth2/token', false, false],
    ['http://127.0.0.1:8080/admin', false, false],
    ['http://127.0.0.1:8080/ticket.png', true, true],
    ['https://internal.trust.nhs.uk/hr/payroll.pdf', true, false],
    ['file:///etc/passwd', true, false],
    ['not a url', true, false],
  ];
  for (const [url, localMode, allowed] of cases) {
    it(`${allowed ? 'fetches' : 'refuses'} ${url}${localMode ? ' (local mode)' : ''}`, () => {
      assert.equal(isTeamsFileUrl(url, localMode), allowed);
    });
  }
});

describe('where the bot\u2019s own token may go with a download', () => {
  const cases: Array<[string, boolean, boolean]> = [
    ['https://smba.trafficmanager.net/uk/v3/attachments/abc/views/original', false, true],
    ['https://eu-api.asm.skype.com/v1/objects/0-weu-d1/views/imgo', false, true],
    ['https://contoso.sharepoint.com/personal/hana/Documents/ticket.png?tempauth=x', false, false],
    ['https://contoso-my.sharepoint.com/personal/hana/_layouts/15/download.aspx?UniqueId=1', false, false],
    ['https://smba.trafficmanager.net.evil.example/v3/attachments/abc/views/original', false, false],
    ['http://smba.trafficmanager.net/uk/v3/attachments/abc/views/original', false, false],
    ['https://internal.trust.nhs.uk/hr/payroll.pdf', false, false],
    ['http://127.0.0.1:8080/v3/attachments/abc/views/original', false, false],
    ['http://127.0.0.1:8080/v3/attachments/abc/views/original', true, true],
    ['http://127.0.0.2:8080/v3/attachments/abc/views/original', true, false],
  ];
  for (const [url, localMode, allowed] of cases) {
    it(`${allowed ? 'sends it to' : 'never sends it to'} ${url}${localMode ? ' (local mode)' : ''}`, () => {
      assert.equal(mayCarryBotToken(url, localMode), allowed);
    });
  }
});
