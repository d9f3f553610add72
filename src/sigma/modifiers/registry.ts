import type { Modifier } from './modifier';
import { base64Modifier, base64OffsetModifier, utf16beModifier, utf16leModifier, utf16Modifier, wideModifier } from './encodings';
import { expandModifier } from './expand';
import { allModifier, casedModifier, neqModifier } from './logic';
import {
  dotAllLongModifier,
  dotAllModifier,
  ignoreCaseLongModifier,
  ignoreCaseModifier,
  multilineLongModifier,
  multilineModifier,
  reModifier,
} from './regex';
import { containsModifier, endswithModifier, startswithModifier } from './string-position';
import {
  cidrModifier,
  dayModifier,
  existsModifier,
  fieldrefModifier,
  gteModifier,
  gtModifier,
  hourModifier,
  lteModifier,
  ltModifier,
  minuteModifier,
  monthModifier,
  weekModifier,
  yearModifier,
} from './typed-values';
import { windashModifier } from './windash';

/** Every modifier of the Sigma v2.1 modifier appendix (plus pySigma's long regex-flag aliases), by name. */
export const MODIFIERS: ReadonlyMap<string, Modifier> = new Map(
  [
    containsModifier,
    startswithModifier,
    endswithModifier,
    allModifier,
    neqModifier,
    casedModifier,
    existsModifier,
    windashModifier,
    reModifier,
    ignoreCaseModifier,
    multilineModifier,
    dotAllModifier,
    ignoreCaseLongModifier,
    multilineLongModifier,
    dotAllLongModifier,
    base64Modifier,
    base64OffsetModifier,
    utf16leModifier,
    utf16beModifier,
    utf16Modifier,
    wideModifier,
    ltModifier,
    lteModifier,
    gtModifier,
    gteModifier,
    minuteModifier,
    hourModifier,
    dayModifier,
    weekModifier,
    monthModifier,
    yearModifier,
    cidrModifier,
    expandModifier,
    fieldrefModifier,
  ].map((m) => [m.name, m]),
);
