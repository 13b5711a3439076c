import type { DayDomain, DayRange } from './dayRange';

/** Playback steps needed to cross the whole domain at speed 1. */
export const STEPS_PER_DOMAIN = 200;

/**
 * The window playback starts from: the current one if it can move; else one of its width at the
 * domain's start (after the end has been reached), or a tenth of the domain (when the window
 * covers all of it and has nowhere to go).
 */
export function playbackStart(range: DayRange, domain: DayDomain): DayRange {
  const length = domain.max - domain.min;
  let width = range.to - range.from;
  if (width >= length) width = Math.max(1, Math.round(length / 10));
  if (range.to >= domain.max || width !== range.to - range.from) {
    return { from: domain.min, to: Math.min(domain.max, domain.min + width) };
  }
  return { from: range.from, to: range.to };
}

/**
 * The window one playback step later: moved forward by (domain length / stepsPerDomain) × speed
 * days, at least one, keeping its width, and stopping at the domain's end (then `to === domain.max`).
 */
export function playbackStep(range: DayRange, domain: DayDomain, speed: number, stepsPerDomain = STEPS_PER_DOMAIN): DayRange {
  const width = range.to - range.from;
  const stepDays = Math.max(1, Math.round(((domain.max - domain.min) / stepsPerDomain) * speed));
  const to = Math.min(domain.max, range.to + stepDays);
  return { from: to - width, to };
}
