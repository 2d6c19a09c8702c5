/**
 * The date and time layouts of EHI fields, as the published examples write them (EHI JSON guide 3.1,
 * GetTransaction example messages). All in UTC: the simulator has no data centre clock to copy.
 */
const two = (value: number) => String(value).padStart(2, '0');

function parts(at: Date) {
  return {
    year: String(at.getUTCFullYear()),
    month: two(at.getUTCMonth() + 1),
    day: two(at.getUTCDate()),
    hours: two(at.getUTCHours()),
    minutes: two(at.getUTCMinutes()),
    seconds: two(at.getUTCSeconds()),
    millis: String(at.getUTCMilliseconds()).padStart(3, '0'),
  };
}

/** `Txn_GPS_Date`, `auth_expdate_utc`: "2022-12-19 07:28:37.526". */
export function gpsDateTime(at: Date): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day} ${p.hours}:${p.minutes}:${p.seconds}.${p.millis}`;
}

/** `Clearing_Process_Date`, `Settlement_Date`: "2022-09-12". */
export function isoDate(at: Date): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `POS_Date_DE13` of clearing messages and the date inside trace ids: "20220912". */
export function compactDate(at: Date): string {
  const p = parts(at);
  return `${p.year}${p.month}${p.day}`;
}

/** `TXN_Time_DE07`, transmission date and time: MMDDhhmmss. */
export function transmissionTime(at: Date): string {
  const p = parts(at);
  return `${p.month}${p.day}${p.hours}${p.minutes}${p.seconds}`;
}

/** `POS_Time_DE12` of authorisations: hhmmss. */
export function localTime(at: Date): string {
  const p = parts(at);
  return `${p.hours}${p.minutes}${p.seconds}`;
}

/** `POS_Time_DE12` of clearing messages: YYMMDDhhmmss. */
export function clearingTime(at: Date): string {
  const p = parts(at);
  return `${p.year.slice(2)}${p.month}${p.day}${p.hours}${p.minutes}${p.seconds}`;
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
