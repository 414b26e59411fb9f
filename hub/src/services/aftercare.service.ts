import {
  followUpPlan,
  openingHoursText,
  productsRecommended,
  productsUsed,
  reportWindowEnd,
  type AftercareGuide,
  type Client,
  type ComplaintStatus,
  type FollowUpPlan,
  type Language,
  type LocalizedText,
  type Product,
  type SalonContact,
  type SalonInfo,
  type Service,
  type Visit,
} from '@glow/shared';
import type { HubState, PublicLink } from '../store/hub-state.ts';
import { aftercareSettingsOf } from './aftercare-settings.ts';
import { findLiveLink } from './public-link.ts';

/**
 * Only what the aftercare page may show: the first name, the service and the aftercare (the template, the
 * beautician's notes and products, the follow-up plan) and how to reach the salon. Never the phone number, the
 * birthday or the consultation answers (DESIGN §6).
 */
export type AftercareSheet = {
  salon: SalonInfo;
  /** How to reach the salon, and its opening hours in words (from the booking settings' opening hours). */
  contact: SalonContact & { hours: LocalizedText };
  firstName: string;
  serviceName: LocalizedText;
  aftercare: LocalizedText;
  guide: AftercareGuide | null;
  /** The beautician's aftercare notes, in the language they wrote them. */
  notes: string;
  /** Products used in the treatment that the salon lists (the plan's and the session notes'), in both languages. */
  listedUsed: SheetProduct[];
  /** Products used that are not on the salon's list (the plan's free text), in the words the beautician wrote. */
  productsUsed: string[];
  /** Products recommended for home that the salon lists: name and how-to-use in both languages. */
  listedRecommended: SheetProduct[];
  /** Products recommended that are not on the list, as the beautician wrote them. */
  homeProducts: Array<{ name: string; howToUse: string }>;
  closedAt: number;
  followUp: FollowUpPlan;
  timeZone: string;
  language: Language;
  /** Until when a problem may be reported from the page; `open` false once the window has passed. */
  report: { open: boolean; until: number };
  /** Problems reported from this link, newest first, with where the salon is with them. */
  problems: Array<{ id: string; status: ComplaintStatus; createdAt: number }>;
  /** The client has said no to marketing messages (their latest marketing consent is a no). */
  marketingOptedOut: boolean;
};

/** A listed product as the sheet shows it: the page picks the client's language. */
export type SheetProduct = { name: LocalizedText; brand: string; howToUse: LocalizedText };

/** The catalogue's products behind the ids (an id no longer in the catalogue is left out, never shown as an id). */
const sheetProducts = (products: Readonly<Record<string, Product>>, ids: readonly string[]): SheetProduct[] =>
  ids.flatMap((id) => {
    const p = Object.hasOwn(products, id) ? products[id] : undefined;
    return p ? [{ name: p.name, brand: p.brand, howToUse: p.howToUse }] : [];
  });

/** A valid link and what it points at. */
export type AftercareLink = { tokenHash: string; link: PublicLink; visit: Visit; client: Client; service: Service };

/** Looks a link token up. Unknown, malformed, expired and revoked tokens all give the same `null`. */
export function findAftercareLink(state: Readonly<HubState>, token: string, now: number): AftercareLink | null {
  const live = findLiveLink(state, token, 'aftercare', now);
  if (!live) return null;
  const { tokenHash, link } = live;
  const visit = state.visits[link.visitId];
  const client = visit ? state.clients[visit.clientId] : undefined;
  const service = visit ? state.services[visit.serviceId] : undefined;
  if (!visit || !client || !service) return null;
  return { tokenHash, link, visit, client, service };
}

/** The client's latest marketing choice is a no. */
export function hasOptedOut(client: Client): boolean {
  const marketing = (client.consents ?? []).filter((c) => c.kind === 'marketing');
  return marketing.length > 0 && !marketing[marketing.length - 1]!.granted;
}

export function buildAftercareSheet(state: Readonly<HubState>, found: AftercareLink, now: number): AftercareSheet {
  const { visit, client, service } = found;
  const settings = aftercareSettingsOf(state);
  const timeZone = state.meta.floor.timeZone;
  const closedAt = visit.times.closed ?? found.link.createdAt;
  const until = reportWindowEnd(closedAt, settings, timeZone);
  const problems = Object.values(state.complaints ?? {})
    .filter((c) => c.visitId === visit.id)
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((c) => ({ id: c.id, status: c.status, createdAt: c.createdAt }));
  return {
    salon: state.meta.salon,
    // The opening hours printed are the ones the booking pages use: one setting, so the sheet never disagrees (#11).
    contact: { ...settings.contact, hours: openingHoursTexts(state.meta.booking.openingHours) },
    firstName: client.firstName,
    serviceName: service.name,
    aftercare: service.aftercare,
    guide: service.aftercareGuide ?? null,
    notes: visit.aftercare?.notes ?? '',
    listedUsed: sheetProducts(state.products, productsUsed(visit)),
    productsUsed: visit.plan?.products ?? [],
    listedRecommended: sheetProducts(state.products, productsRecommended(visit)),
    homeProducts: visit.aftercare?.homeProducts ?? [],
    closedAt,
    followUp: followUpPlan(closedAt, settings, service.aftercareGuide, timeZone),
    timeZone,
    language: visit.language,
    report: { open: now < until, until },
    problems,
    marketingOptedOut: hasOptedOut(client),
  };
}

/** The sheet behind a token, or null (alike for unknown, malformed, expired and revoked links). */
export function findAftercareSheet(state: Readonly<HubState>, token: string, now: number): AftercareSheet | null {
  const found = findAftercareLink(state, token, now);
  return found ? buildAftercareSheet(state, found, now) : null;
}

const openingHoursTexts = (hours: Readonly<HubState>['meta']['booking']['openingHours']): LocalizedText => ({
  en: openingHoursText(hours, 'en'),
  'zh-CN': openingHoursText(hours, 'zh-CN'),
});
