import { describe, expect, it } from 'vitest';
import { formatTable } from './format-table.js';

describe('formatTable', () => {
  it('pads each column to its widest cell and trims line ends', () => {
    expect(formatTable(['NAME', 'MODELS'], [['Qwen_Qwen_2_72B', 'qwen-2-72b'], ['Echo', '']])).toBe(
      'NAME             MODELS\nQwen_Qwen_2_72B  qwen-2-72b\nEcho\n',
    );
  });
});
