import { cefr, dayNumber, kldbLevels, offerKind, residenceStatus, school, workPermission } from "./encode.js";
import { GridIndex } from "./grid-index.js";
import { Column } from "./growable.js";
import type { CandidateInput, OfferInput } from "./types.js";

/** Interns ids (occupations, companies) to small integers. */
export class OccupationIds {
  private ids = new Map<string, number>();
  of(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) {
      n = this.ids.size;
      this.ids.set(id, n);
    }
    return n;
  }
}

/** Districts (AGS) as small integers, shared by every snapshot (a few hundred at most). */
export const districtIds = new OccupationIds();

/** An unknown date. */
export const noDay = -1e7;

/** A candidate keeps up to this many ranked wishes. */
const maxWishes = 8;

/** Grows every column of a store to hold n records (columns with several slots per record by as many). */
function growColumns(store: object, n: number): void {
  for (const value of Object.values(store)) if (value instanceof Column) value.ensure(n * value.perRecord);
}

/** An index list with each item's coordinates side by side, so a scan reads memory in order. */
export type PointList = { items: number[]; lat: number[]; lon: number[] };

export class PointLists {
  private lists = new Map<number, PointList>();
  get(key: number): PointList | undefined {
    return this.lists.get(key);
  }
  add(key: number, item: number, lat: number, lon: number): void {
    let list = this.lists.get(key);
    if (!list) {
      list = { items: [], lat: [], lon: [] };
      this.lists.set(key, list);
    }
    list.items.push(item);
    list.lat.push(lat);
    list.lon.push(lon);
  }
  remove(key: number, item: number): void {
    const list = this.lists.get(key);
    if (!list) return;
    const i = list.items.indexOf(item);
    if (i < 0) return;
    const last = list.items.length - 1;
    list.items[i] = list.items[last] as number;
    list.lat[i] = list.lat[last] as number;
    list.lon[i] = list.lon[last] as number;
    list.items.pop();
    list.lat.pop();
    list.lon.pop();
  }
}

/**
 * Offers as columns of typed arrays (one slot per offer, never an object per record in the hot
 * loop), with a spatial grid and an occupation index. Removed offers leave a dead slot.
 */
export class OfferColumns {
  count = 0;
  readonly ids: string[] = [];
  readonly slot = new Map<string, number>();
  readonly alive = new Column(Uint8Array, 0);
  readonly lat = new Column(Float64Array, 0);
  readonly lon = new Column(Float64Array, 0);
  readonly stationKm = new Column(Float64Array, 0);
  readonly startDay = new Column(Int32Array, 0);
  readonly kind = new Column(Uint8Array, 0);
  readonly occ = new Column(Int32Array, 0);
  readonly k1 = new Column(Int16Array, 0);
  readonly k2 = new Column(Int16Array, 0);
  readonly k3 = new Column(Int16Array, 0);
  readonly places = new Column(Int32Array, 0);
  readonly minGerman = new Column(Int8Array, 0);
  readonly minSchool = new Column(Int8Array, 0);
  readonly licence = new Column(Uint8Array, 0);
  /** The company, interned (-1: none recorded). */
  readonly company = new Column(Int32Array, 0);
  /** The district, interned (-1: none recorded). */
  readonly district = new Column(Int32Array, 0);
  /** Index of the rule set valid on the start date. */
  readonly ruleSet = new Column(Int16Array, 0);
  readonly grid = new GridIndex();
  readonly byOccupation = new PointLists();
  /** Offers per KldB Berufsgruppe (3 digits). */
  readonly byGroup = new PointLists();

  constructor(
    private readonly occupations: OccupationIds,
    private readonly companies: OccupationIds,
    private readonly ruleSetOn: (day: string) => number,
  ) {}

  upsert(o: OfferInput): number {
    if (this.slot.has(o.id)) this.remove(o.id);
    const i = this.count++;
    if (this.count > this.alive.data.length) growColumns(this, this.count);
    const [b1, b2, b3] = kldbLevels(o.occupation.kldb);
    this.ids[i] = o.id;
    this.slot.set(o.id, i);
    this.alive.data[i] = 1;
    this.lat.data[i] = o.lat;
    this.lon.data[i] = o.lon;
    this.stationKm.data[i] = o.stationKm;
    this.startDay.data[i] = dayNumber(o.startDate);
    this.kind.data[i] = offerKind[o.kind];
    const occ = this.occupations.of(o.occupation.id);
    this.occ.data[i] = occ;
    this.k1.data[i] = b1;
    this.k2.data[i] = b2;
    this.k3.data[i] = b3;
    this.places.data[i] = Math.max(0, Math.floor(o.places));
    this.minGerman.data[i] = o.requirements.minGermanLevel ? cefr[o.requirements.minGermanLevel] : -1;
    this.minSchool.data[i] = o.requirements.minSchoolCertificate ? school[o.requirements.minSchoolCertificate] : -1;
    this.licence.data[i] = o.requirements.drivingLicence ? 1 : 0;
    this.company.data[i] = o.companyId ? this.companies.of(o.companyId) : -1;
    this.district.data[i] = o.district ? districtIds.of(o.district) : -1;
    this.ruleSet.data[i] = this.ruleSetOn(o.startDate);
    this.grid.insert(i, o.lat, o.lon);
    this.byOccupation.add(occ, i, o.lat, o.lon);
    if (b3 >= 0) this.byGroup.add(b3, i, o.lat, o.lon);
    return i;
  }

  /**
   * A compact copy of some offers (in the given order, without the search indexes): a run scores
   * millions of pairs against a few thousand places, and reads them far faster from small columns.
   */
  subset(slots: ArrayLike<number>): OfferColumns {
    const sub = new OfferColumns(this.occupations, this.companies, this.ruleSetOn);
    sub.count = slots.length;
    growColumns(sub, sub.count);
    const targets = new Map<string, unknown>(Object.entries(sub));
    for (const [name, column] of Object.entries(this)) {
      const target = targets.get(name);
      if (!(column instanceof Column) || !(target instanceof Column)) continue;
      for (let i = 0; i < slots.length; i++) target.data[i] = column.data[slots[i] as number] as number;
    }
    for (let i = 0; i < slots.length; i++) {
      const id = this.ids[slots[i] as number] as string;
      sub.ids[i] = id;
      sub.slot.set(id, i);
    }
    return sub;
  }

  remove(id: string): void {
    const i = this.slot.get(id);
    if (i === undefined) return;
    this.slot.delete(id);
    this.alive.data[i] = 0;
    this.grid.remove(i);
    this.byOccupation.remove(this.occ.data[i] as number, i);
    if ((this.k3.data[i] as number) >= 0) this.byGroup.remove(this.k3.data[i] as number, i);
  }
}

export class CandidateColumns {
  count = 0;
  readonly ids: string[] = [];
  readonly slot = new Map<string, number>();
  readonly alive = new Column(Uint8Array, 0);
  readonly lat = new Column(Float64Array, 0);
  readonly lon = new Column(Float64Array, 0);
  readonly stationKm = new Column(Float64Array, 0);
  readonly german = new Column(Int8Array, 0);
  readonly school = new Column(Int8Array, 0);
  readonly open = new Column(Uint8Array, 0);
  readonly licence = new Column(Uint8Array, 0);
  readonly car = new Column(Uint8Array, 0);
  readonly maxKm = new Column(Float64Array, 0);
  readonly availableDay = new Column(Int32Array, 0);
  readonly work = new Column(Uint8Array, 0);
  readonly status = new Column(Uint8Array, 0);
  readonly validUntilDay = new Column(Int32Array, 0);
  readonly safeCountry = new Column(Uint8Array, 0);
  readonly birthDay = new Column(Int32Array, 0);
  readonly schoolUntilDay = new Column(Int32Array, 0);
  readonly j1Day = new Column(Int32Array, 0);
  readonly heldSinceDay = new Column(Int32Array, 0);
  readonly identity = new Column(Uint8Array, 0);
  readonly passport = new Column(Uint8Array, 0);
  /** The district, interned (-1: none recorded). */
  readonly district = new Column(Int32Array, 0);
  /** The company a tied permit names, interned (-1: none recorded). */
  readonly tiedCompany = new Column(Int32Array, 0);
  /** Wishes, ranked: up to `maxWishes` per candidate in fixed-width rows. */
  readonly wishCount = new Column(Uint8Array, 0);
  readonly wishOcc = new Column(Int32Array, 0, maxWishes);
  readonly wishK1 = new Column(Int16Array, 0, maxWishes);
  readonly wishK2 = new Column(Int16Array, 0, maxWishes);
  readonly wishK3 = new Column(Int16Array, 0, maxWishes);
  readonly grid = new GridIndex();
  readonly byWish = new PointLists();
  /** Candidates open to related fields, by a wish's Berufsgruppe, Hauptgruppe and Bereich (levels 3, 2, 1). */
  readonly byWishLevel = [new PointLists(), new PointLists(), new PointLists()] as const;
  maxCommuteKm = 0;
  static readonly maxWishes = maxWishes;

  constructor(
    private readonly occupations: OccupationIds,
    private readonly companies: OccupationIds,
  ) {}

  upsert(c: CandidateInput): number {
    if (this.slot.has(c.id)) this.remove(c.id);
    const i = this.count++;
    if (this.count > this.alive.data.length) growColumns(this, this.count);
    const w = CandidateColumns.maxWishes;
    this.ids[i] = c.id;
    this.slot.set(c.id, i);
    this.alive.data[i] = 1;
    this.lat.data[i] = c.lat;
    this.lon.data[i] = c.lon;
    this.stationKm.data[i] = c.stationKm;
    this.german.data[i] = cefr[c.germanLevel];
    this.school.data[i] = school[c.schoolCertificate];
    this.open.data[i] = c.openToRelatedFields ? 1 : 0;
    this.licence.data[i] = c.hasDrivingLicence ? 1 : 0;
    this.car.data[i] = c.hasCar ? 1 : 0;
    this.maxKm.data[i] = c.maxCommuteKm;
    this.maxCommuteKm = Math.max(this.maxCommuteKm, c.maxCommuteKm);
    this.availableDay.data[i] = dayNumber(c.availableFrom);
    this.work.data[i] = workPermission[c.residence.workPermission];
    this.status.data[i] = residenceStatus[c.residence.status];
    this.validUntilDay.data[i] = dayNumber(c.residence.validUntil ?? null);
    this.safeCountry.data[i] = c.residence.safeCountryOfOrigin ? 1 : 0;
    this.birthDay.data[i] = c.birthDate ? dayNumber(c.birthDate) : noDay;
    this.schoolUntilDay.data[i] = c.schoolObligationUntil ? dayNumber(c.schoolObligationUntil) : noDay;
    this.j1Day.data[i] = c.j1ExaminedOn ? dayNumber(c.j1ExaminedOn) : noDay;
    this.heldSinceDay.data[i] = c.residence.heldSince ? dayNumber(c.residence.heldSince) : noDay;
    this.identity.data[i] = c.residence.identityClarified ? 1 : 0;
    this.passport.data[i] = c.residence.hasPassport ? 1 : 0;
    this.district.data[i] = c.district ? districtIds.of(c.district) : -1;
    this.tiedCompany.data[i] = c.residence.tiedCompanyId ? this.companies.of(c.residence.tiedCompanyId) : -1;
    const wishes = c.desiredOccupations.slice(0, w);
    this.wishCount.data[i] = wishes.length;
    wishes.forEach((wish, r) => {
      const [b1, b2, b3] = kldbLevels(wish.kldb);
      const occ = this.occupations.of(wish.id);
      this.wishOcc.data[i * w + r] = occ;
      this.wishK1.data[i * w + r] = b1;
      this.wishK2.data[i * w + r] = b2;
      this.wishK3.data[i * w + r] = b3;
      this.byWish.add(occ, i, c.lat, c.lon);
      if (c.openToRelatedFields) {
        for (const [level, key] of [b3, b2, b1].entries()) if (key >= 0) this.byWishLevel[level]?.add(key, i, c.lat, c.lon);
      }
    });
    this.grid.insert(i, c.lat, c.lon);
    return i;
  }

  remove(id: string): void {
    const i = this.slot.get(id);
    if (i === undefined) return;
    this.slot.delete(id);
    this.alive.data[i] = 0;
    this.grid.remove(i);
    const w = CandidateColumns.maxWishes;
    for (let r = 0; r < (this.wishCount.data[i] as number); r++) {
      this.byWish.remove(this.wishOcc.data[i * w + r] as number, i);
      if (this.open.data[i] !== 1) continue;
      const keys = [this.wishK3.data[i * w + r] as number, this.wishK2.data[i * w + r] as number, this.wishK1.data[i * w + r] as number];
      for (const [level, key] of keys.entries()) if (key >= 0) this.byWishLevel[level]?.remove(key, i);
    }
  }
}
