import { resolutionKey, resolutionKeys } from '../../src/ingest/resolution-keys';

test.each([
  ['(주)네이버', '네이버'],
  ['네이버 주식회사', '네이버'],
  ['㈜카카오', '카카오'],
  ['NAVER Corp.', 'naver'],
  ['Samsung Electronics Co., Ltd.', 'samsungelectronics'],
  ['LG AI연구원', 'lgai연구원'],
  ['LG-AI 연구원', 'lgai연구원'],
  ['ＫＡＩＳＴ', 'kaist'],
  ['Kakao Inc', 'kakao'],
])('%s resolves as %s', (name, key) => {
  expect(resolutionKey(name)).toBe(key);
});

test('an affix alone is kept (the name is not emptied), keys are unique and sorted', () => {
  expect(resolutionKey('주식회사')).toBe('주식회사');
  expect(resolutionKeys(['Naver', '네이버', 'NAVER', '(주)네이버', 'x'])).toEqual(['naver', '네이버']);
});
