/**
 * English words for the salon's listed products on a visit (#13): picking them in the plan, the session notes and the
 * aftercare, and the hub's refusals of an id that is not a current listed product. Spread into en.ts.
 */
export const productsEn = {
  'reason.product_not_listed': 'A product chosen is not on the salon’s list ({ids}). Choose it again from the list, or write it as free text.',
  'reason.product_archived': 'No longer on the salon’s list: {names}. Choose a current product, or write it as free text.',
  'field.productIds': 'Products used',
  'field.productId': 'Product',
  'field.recommendedProductIds': 'Recommended products',
  'staff.products.search': 'Search the salon’s products',
  'staff.products.searchHint': 'Name in English or Chinese, or brand',
  'staff.products.noMatch': 'Not on the salon’s list.',
  'staff.products.addFree': 'Add “{name}” as free text',
  'staff.products.pick': 'Add {name}',
  'staff.products.listed': 'From the salon’s list',
  'staff.products.free': 'Not on the list',
  'staff.products.none': 'The salon lists no products yet: type the name and add it as free text.',
  'staff.products.more': '{n, plural, one {# more match — type more to narrow} other {# more matches — type more to narrow}}',
  'staff.products.noteUsed': 'Record a product used',
  'staff.aftercare.recommended': 'Recommended for home',
  'staff.aftercare.otherProducts': 'Products not on the list',
} as const;
