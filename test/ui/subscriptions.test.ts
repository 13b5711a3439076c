import { describe, expect, it } from 'vitest';
import { Subscriptions } from '../../src/ui/subscriptions';

describe('Subscriptions', () => {
  it('delivers events to its listeners until disposed, then no more', () => {
    const subs = new Subscriptions();
    const target = new EventTarget();
    const seen: string[] = [];
    subs.listen(target, 'click', (e) => seen.push(e.type));
    subs.listen(target, 'keydown', (e) => seen.push(e.type));
    target.dispatchEvent(new Event('click'));
    target.dispatchEvent(new Event('keydown'));
    subs.dispose();
    target.dispatchEvent(new Event('click'));
    target.dispatchEvent(new Event('keydown'));
    expect(seen).toEqual(['click', 'keydown']);
  });

  it('leaves listeners added by others in place', () => {
    const subs = new Subscriptions();
    const target = new EventTarget();
    let others = 0;
    target.addEventListener('click', () => others++);
    subs.listen(target, 'click', () => undefined);
    subs.dispose();
    target.dispatchEvent(new Event('click'));
    expect(others).toBe(1);
  });

  it('runs each undoing once, the last added first, however often it is disposed', () => {
    const subs = new Subscriptions();
    const undone: string[] = [];
    subs.add(() => undone.push('observer'));
    subs.add(() => undone.push('timer'));
    subs.dispose();
    subs.dispose();
    expect(undone).toEqual(['timer', 'observer']);
  });

  it('adds no listener after disposal and undoes a late addition at once', () => {
    const subs = new Subscriptions();
    const target = new EventTarget();
    subs.dispose();
    let heard = 0;
    subs.listen(target, 'click', () => heard++);
    target.dispatchEvent(new Event('click'));
    let undone = false;
    subs.add(() => (undone = true));
    expect([heard, undone, subs.disposed]).toEqual([0, true, true]);
  });
});
