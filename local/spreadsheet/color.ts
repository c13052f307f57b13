/**
 * Color objects, what the non-deprecated colour getters hand out (`getMinColorObject()`,
 * `getBackgroundObject()`, `getFontColorObject()`): "Color - the color set …, or null if not set"
 * (developers.google.com/apps-script/reference/spreadsheet/boolean-condition#getBackgroundObject()).
 * The model stores colours as CSS strings ('#rrggbb' once normalised), so a stored colour is an RGB
 * colour; anything else (a theme colour has no string form here) is UNSUPPORTED.
 */
import type { ExecutionContext } from '../context';
import type { MethodOf } from '../call-cost';

type Color = GoogleAppsScript.Spreadsheet.Color;
type RgbColor = GoogleAppsScript.Base.RgbColor;
type ColorType = GoogleAppsScript.Base.ColorType;

const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/;

class FakeRgbColor implements RgbColor {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly hex: string,
  ) {}

  private channel(method: MethodOf<GoogleAppsScript.Base.RgbColor>, i: number): number {
    this.ctx.call(`RgbColor.${method}`, 'free');
    return parseInt((HEX.exec(this.hex) as RegExpExecArray)[i], 16);
  }

  asHexString(): string {
    this.ctx.call('RgbColor.asHexString', 'free');
    return this.hex;
  }
  getRed(): number {
    return this.channel('getRed', 1);
  }
  getGreen(): number {
    return this.channel('getGreen', 2);
  }
  getBlue(): number {
    return this.channel('getBlue', 3);
  }
  getColorType(): ColorType {
    this.ctx.call('RgbColor.getColorType', 'free');
    return 'RGB' as unknown as ColorType;
  }
}

export class FakeColor implements Pick<Color, 'asRgbColor' | 'asThemeColor' | 'getColorType'> {
  constructor(
    private readonly ctx: ExecutionContext,
    /** The stored CSS colour, lower case. */
    readonly css: string,
  ) {}

  private get rgb(): boolean {
    return HEX.test(this.css);
  }

  getColorType(): ColorType {
    this.ctx.call('Color.getColorType', 'free');
    return (this.rgb ? 'RGB' : 'UNSUPPORTED') as unknown as ColorType;
  }

  asRgbColor(): RgbColor {
    this.ctx.call('Color.asRgbColor', 'free');
    if (!this.rgb) throw new Error('Object is not of type RgbColor.');
    return new FakeRgbColor(this.ctx, this.css);
  }

  asThemeColor(): GoogleAppsScript.Spreadsheet.ThemeColor {
    this.ctx.call('Color.asThemeColor', 'free');
    throw new Error('Object is not of type ThemeColor.');
  }
}

/** The Color object for a stored CSS colour; null stays null ("or null if not set"). */
export function colorObject(ctx: ExecutionContext, css: string | null | undefined): Color | null {
  return css === null || css === undefined
    ? null
    : (new FakeColor(ctx, css.toLowerCase()) as unknown as Color);
}
