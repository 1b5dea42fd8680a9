/**
 * Core phrases for what a bag of words gets wrong: contrast (the clause after "但是" / "but"
 * carries the feeling), negated praise and negated complaints, sarcasm, and suggestions that name
 * a weak spot without complaining. Used by the generator like the other cores.
 */
import type { CoreRow } from './coreRow';

export const HARD_CORES: readonly CoreRow[] = [
  // contrast: the later clause decides
  ['logistics', 'negative', '{p}本身挺好的，但是快递实在太慢了'],
  ['after_sales_fault', 'negative', '外观很漂亮，可是用了三天就连不上了'],
  ['service_complaint', 'negative', '产品没问题，不过你们客服的态度让人很不舒服'],
  ['other', 'positive', '虽然等了挺久，但是最后问题解决了，谢谢'],
  ['refund', 'positive', '一开始有点着急，不过退款已经到了，感谢'],
  ['logistics', 'negative', 'the {p} itself is fine but the delivery took forever'],
  ['after_sales_fault', 'negative', 'looks great, but it stopped connecting after three days'],
  ['service_complaint', 'negative', 'nothing wrong with the product, however your support was rude'],
  ['other', 'positive', 'it took a while but in the end it was sorted, thanks'],
  ['refund', 'positive', 'I was worried at first, but the refund has arrived, thank you'],
  // negation
  ['other', 'negative', '不太满意这个结果'],
  ['after_sales_fault', 'negative', '{p}的音质一点也不好'],
  ['service_complaint', 'negative', '你们的服务真的不怎么样'],
  ['other', 'positive', '没有任何问题，很好用'],
  ['other', 'positive', '不错不错，物超所值'],
  ['logistics', 'positive', '送货一点都不慢，第二天就到了'],
  ['other', 'negative', 'not satisfied with this outcome'],
  ['after_sales_fault', 'negative', 'the sound on the {p} is not good at all'],
  ['service_complaint', 'negative', 'your service is honestly not great'],
  ['other', 'positive', 'no problems at all, works perfectly'],
  ['other', 'positive', 'not bad at all, worth the money'],
  ['logistics', 'positive', 'delivery was not slow at all, it came the next day'],
  ['after_sales_fault', 'neutral', '{p}没有声音，也没有报错'],
  ['after_sales_fault', 'neutral', 'the {p} does not turn on and shows no error'],
  // sarcasm: praise words around a failure
  ['after_sales_fault', 'negative', '真厉害，{p}又坏了'],
  ['logistics', 'negative', '太棒了，快递又延误了'],
  ['service_complaint', 'negative', '好一个高效的客服，三天回一句'],
  ['after_sales_fault', 'negative', 'wonderful, the {p} died again'],
  ['logistics', 'negative', 'great, my parcel is late yet again'],
  ['service_complaint', 'negative', 'love how your support takes three days to answer one question'],
  // suggestions that mention a weak spot stay neutral suggestions
  ['product_suggestion', 'neutral', '提个建议，快递短信能给一个具体的送达时间段'],
  ['product_suggestion', 'neutral', '建议退款进度能在App里实时显示'],
  ['product_suggestion', 'neutral', '希望{p}的电池能再耐用一点'],
  ['product_suggestion', 'neutral', '要是客服能加个预约回电功能就好了'],
  ['product_suggestion', 'neutral', '一个小想法：发票能不能直接发到邮箱'],
  ['product_suggestion', 'neutral', 'a suggestion: delivery updates could give a time slot'],
  ['product_suggestion', 'neutral', 'it would be nice to see refund progress live in the app'],
  ['product_suggestion', 'neutral', 'I hope the next {p} has a longer battery life'],
  ['product_suggestion', 'neutral', 'a scheduled call-back option for support would be useful'],
  ['product_suggestion', 'neutral', 'just an idea, could invoices be emailed automatically?'],
];
