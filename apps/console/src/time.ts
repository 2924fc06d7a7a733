import 'dayjs/locale/zh-cn';

import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);
dayjs.locale('zh-cn');

/** Every time the console shows is Beijing time, whatever the browser's zone. */
export const ZONE = 'Asia/Shanghai';

export function shanghai(iso: string | Date): dayjs.Dayjs {
  return dayjs(iso).tz(ZONE);
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? shanghai(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? shanghai(iso).format('YYYY-MM-DD') : '—';
}

/** The last day of a period whose due instant is exclusive (00:00 Beijing time of the day after): the day to print. */
export function lastDayOf(dueAt: string): string {
  return shanghai(new Date(new Date(dueAt).getTime() - 1)).format('YYYY-MM-DD');
}

export type Urgency = 'overdue' | 'warning' | 'normal';

/** Days left until an exclusive due instant, and how urgent: overdue once passed, warning within 3 days. */
export function dueState(dueAt: string, now: Date = new Date()): { urgency: Urgency; text: string } {
  const ms = new Date(dueAt).getTime() - now.getTime();
  if (ms <= 0) return { urgency: 'overdue', text: `已逾期 ${Math.ceil(-ms / 86400000)} 天` };
  const days = Math.floor(ms / 86400000);
  const hours = Math.floor((ms % 86400000) / 3600000);
  return { urgency: ms <= 3 * 86400000 ? 'warning' : 'normal', text: days > 0 ? `剩余 ${days} 天 ${hours} 小时` : `剩余 ${hours} 小时` };
}
