import { describe, expect, it } from 'vitest';
import { playbackStart, playbackStep, STEPS_PER_DOMAIN } from '../../src/time/playback';

const domain = { min: 0, max: 1000 };

describe('playbackStart', () => {
  it('starts from the current window when it can move forward', () => {
    expect(playbackStart({ from: 100, to: 150 }, domain)).toEqual({ from: 100, to: 150 });
  });

  it('starts again from the domain’s start, keeping the width, once the window is at the end', () => {
    expect(playbackStart({ from: 950, to: 1000 }, domain)).toEqual({ from: 0, to: 50 });
  });

  it('plays a tenth of the domain when the window covers all of it', () => {
    expect(playbackStart({ from: 0, to: 1000 }, domain)).toEqual({ from: 0, to: 100 });
  });

  it('stays within a one-day domain', () => {
    expect(playbackStart({ from: 5, to: 5 }, { min: 5, max: 5 })).toEqual({ from: 5, to: 5 });
  });
});

describe('playbackStep', () => {
  it('moves the window by the domain length over the steps per domain, times the speed, keeping its width', () => {
    const step = domain.max / STEPS_PER_DOMAIN;
    expect(playbackStep({ from: 100, to: 150 }, domain, 1)).toEqual({ from: 100 + step, to: 150 + step });
    expect(playbackStep({ from: 100, to: 150 }, domain, 4)).toEqual({ from: 100 + 4 * step, to: 150 + 4 * step });
  });

  it('moves at least one day on a short domain', () => {
    expect(playbackStep({ from: 0, to: 2 }, { min: 0, max: 10 }, 1)).toEqual({ from: 1, to: 3 });
  });

  it('stops at the domain’s end without shrinking the window', () => {
    expect(playbackStep({ from: 940, to: 998 }, domain, 8)).toEqual({ from: 942, to: 1000 });
  });
});
