import { describe, expect, test } from 'vitest';
import { parseViewState, viewStateToSearch } from '../../src/ui/viewState';

describe('parseViewState', () => {
  test('reads range, categories, distance and incident', () => {
    const { state, problems } = parseViewState('?from=2023-01-01&to=2023-03-31&category=attack,airspace&within=5&incident=x');
    expect(state).toEqual({ from: '2023-01-01', to: '2023-03-31', categories: ['attack', 'airspace'], within: 5, incident: 'x' });
    expect(problems).toEqual([]);
  });

  test('drops a date that does not exist and names it', () => {
    const { state, problems } = parseViewState('?from=2023-02-30');
    expect(state.from).toBeUndefined();
    expect(problems).toEqual(["from='2023-02-30' is not a date (YYYY-MM-DD): ignored"]);
  });

  test('drops a range that runs backwards', () => {
    const { state, problems } = parseViewState('?from=2023-05-01&to=2023-01-01');
    expect(state).toEqual({});
    expect(problems[0]).toContain('is after');
  });

  test('keeps the known categories and names the unknown ones', () => {
    const { state, problems } = parseViewState('?category=attack,bogus');
    expect(state.categories).toEqual(['attack']);
    expect(problems).toEqual(["unknown category 'bogus': ignored"]);
  });

  test('an empty category list shows no category', () => {
    expect(parseViewState('?category=').state.categories).toEqual([]);
  });

  test('rejects a distance that is not a number of km', () => {
    for (const bad of ['far', '-3', '']) {
      const { state, problems } = parseViewState(`?within=${bad}`);
      expect(state.within).toBeUndefined();
      expect(problems).toHaveLength(1);
    }
  });
});

describe('viewStateToSearch', () => {
  test('keeps other parameters such as a measurement', () => {
    expect(viewStateToSearch({ from: '2023-01-01' }, '?measure=1,2;3,4&from=2020-01-01')).toBe('?measure=1,2;3,4&from=2023-01-01');
  });

  test('writes nothing for an empty view', () => {
    expect(viewStateToSearch({}, '?category=attack')).toBe('');
  });

  test('round-trips through parseViewState', () => {
    const state = { from: '2023-01-01', to: '2023-03-31', categories: ['attack' as const], within: 12.5, incident: 'a-b' };
    expect(parseViewState(viewStateToSearch(state, '')).state).toEqual(state);
  });
});
