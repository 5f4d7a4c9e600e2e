// The SpreadsheetHost interface (the small async surface the Excel and Sheets UIs implement) is
// defined with the task pane work; see shared/workflows.
export {};
