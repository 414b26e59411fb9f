import type { productsEn } from './products.en.ts';

/** 疗程与护理单上所用的店内产品（#13）的中文文字。 */
export const productsZhCN: Record<keyof typeof productsEn, string> = {
  'reason.product_not_listed': '所选产品不在本店产品列表中（{ids}）。请从列表中重新选择，或作为自填文字添加。',
  'reason.product_archived': '已不在本店产品列表中：{names}。请选择现有产品，或作为自填文字添加。',
  'field.productIds': '使用的产品',
  'field.productId': '产品',
  'field.recommendedProductIds': '推荐产品',
  'staff.products.search': '搜索本店产品',
  'staff.products.searchHint': '中文或英文名称，或品牌',
  'staff.products.noMatch': '不在本店产品列表中。',
  'staff.products.addFree': '将“{name}”作为自填文字添加',
  'staff.products.pick': '添加 {name}',
  'staff.products.listed': '本店产品',
  'staff.products.free': '列表外产品',
  'staff.products.none': '本店尚未列出产品：请输入名称，作为自填文字添加。',
  'staff.products.more': '还有 {n} 个匹配项，请继续输入以缩小范围',
  'staff.products.noteUsed': '记录使用的产品',
  'staff.aftercare.recommended': '推荐居家使用',
  'staff.aftercare.otherProducts': '列表外产品',
};
