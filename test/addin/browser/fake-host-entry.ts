// Exposes the in-memory fake workbook to the headless-browser test page.
import { FakeWorkbook } from '../../shared/workflows/fake-workbook';

(window as unknown as { FakeWorkbook: typeof FakeWorkbook }).FakeWorkbook = FakeWorkbook;
