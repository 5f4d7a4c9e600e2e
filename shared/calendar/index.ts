export * from './calendar-day';
