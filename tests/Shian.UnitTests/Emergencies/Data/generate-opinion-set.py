# Writes the labelled 舆情 set used by OpinionMatchingTests (kept in the repo; this generator is not).
import csv, random
random.seed(20261128)
R = [  # id, name, region
 ("B01","本溪市溪湖区好味餐馆","210503001000"),
 ("B02","本溪市平山区老边饺子馆","210502001000"),
 ("B03","本溪鑫源食品有限公司","210504002000"),
 ("B04","本溪市明山区福满楼酒店","210504004000"),
 ("B05","本溪满族自治县小市一绝羊汤馆","210521100000"),
 ("B06","南芬区宏达肉联厂","210505001000"),
 ("B07","本溪华润万家超市（平山店）","210502003000"),
 ("B08","本溪华润万家超市（明山店）","210504005000"),
 ("B09","乐购生鲜超市（河西店）","210503003000"),
 ("B10","乐购生鲜超市（东明店）","210502004000"),
 ("B11","本溪市溪湖区小吃店","210503005000"),
 ("B12","本溪市平山区春天面馆","210502005000"),
 ("B13","明山区金源饭店","210504008000"),
 ("B14","本溪市第十二中学食堂","210503009000"),
 ("B15","本溪市溪湖区阳光幼儿园食堂","210503010000"),
 ("B16","本溪天赐乳业有限责任公司","210505004000"),
 ("B17","本溪市平山区张记熟食店","210502007000"),
 ("B18","本溪县草河口镇绿源农家乐","210521103000"),
 ("B19","本溪市明山区聚福源烧烤","210504009000"),
 ("B20","本溪康源粮油有限公司","210502008000"),
 ("B21","本溪市溪湖区彩屯利民菜市场","210503005000"),
 ("B22","本溪市南芬区思山岭豆制品厂","210505004000"),
 ("B23","本溪市平山区蜜雪冰城（站前店）","210502007000"),
 ("B24","本溪市明山区蜜雪冰城（新明店）","210504008000"),
 ("B25","本溪市溪湖区东风快餐店","210503009000"),
 ("B26","本溪市明山区老王家卤味","210504010000"),
 ("B27","本溪市平山区桥北早餐店","210502012000"),
 ("B28","本溪县田师傅镇兴隆屠宰场","210521109000"),
 ("B29","本溪市溪湖区日月岛渔村","210503011000"),
 ("B30","本溪市明山区高台子中心小学食堂","210504011000"),
]
NAME = {r[0]: r[1] for r in R}
# how people write each business (aliases a reporter or netizen would use), and the place words around it
SAY = {
 "B01": ["好味餐馆", "溪湖区好味餐馆", "本溪市溪湖区好味餐馆"], "B02": ["老边饺子馆", "平山区老边饺子馆"], "B03": ["鑫源食品", "本溪鑫源食品有限公司", "鑫源食品公司"],
 "B04": ["福满楼酒店", "明山区福满楼酒店"], "B05": ["小市一绝羊汤馆", "一绝羊汤馆"], "B06": ["宏达肉联厂", "南芬区宏达肉联厂"],
 "B09": ["河西乐购生鲜超市", "乐购生鲜超市（河西店）"], "B12": ["春天面馆", "平山区春天面馆"], "B13": ["金源饭店", "明山区金源饭店"],
 "B14": ["第十二中学食堂", "本溪市第十二中学食堂"], "B15": ["阳光幼儿园食堂", "溪湖区阳光幼儿园食堂"], "B16": ["天赐乳业", "本溪天赐乳业有限责任公司"],
 "B17": ["张记熟食店", "平山区张记熟食店"], "B18": ["绿源农家乐", "草河口镇绿源农家乐"], "B19": ["聚福源烧烤", "明山区聚福源烧烤"], "B20": ["康源粮油", "本溪康源粮油有限公司"],
 "B21": ["彩屯利民菜市场", "利民菜市场"], "B22": ["思山岭豆制品厂", "南芬区思山岭豆制品厂"], "B25": ["东风快餐店", "溪湖区东风快餐店"], "B26": ["老王家卤味", "明山区老王家卤味"],
 "B27": ["桥北早餐店", "平山区桥北早餐店"], "B28": ["兴隆屠宰场", "田师傅镇兴隆屠宰场"], "B29": ["日月岛渔村"], "B30": ["高台子中心小学食堂", "明山区高台子中心小学食堂"],
}
EVENTS = [  # (text template, severity)
 ("网友爆料：{b}后厨脏乱，苍蝇乱飞，餐具没有消毒。", "Medium"),
 ("有市民反映在{b}用餐后上吐下泻，多人到医院就诊。", "High"),
 ("{b}被曝使用地沟油炸制食品，记者暗访属实。", "High"),
 ("消费者投诉{b}出售过期酸奶，商家拒不退换。", "Medium"),
 ("本地论坛帖子：{b}的菜里吃出头发，老板态度恶劣。", "Low"),
 ("{b}涉嫌在卤肉中非法添加罂粟壳，警方已介入。", "High"),
 ("记者调查发现{b}无证经营多年，卫生条件堪忧。", "Medium"),
 ("昨晚在{b}吃完饭，一家三口拉肚子，大家注意。", "Medium"),
 ("{b}销售的猪肉疑似注水肉，市民拍视频投诉。", "Medium"),
 ("抽检通报：{b}的一批次产品检出农药残留超标。", "Medium"),
 ("短视频显示{b}后厨有老鼠出没，引发网友热议。", "Medium"),
 ("{b}员工举报老板篡改生产日期再销售。", "High"),
 ("多名学生在{b}就餐后出现呕吐腹痛，已送医观察。", "High"),
 ("{b}所售面包发霉变质，消费者要求赔偿。", "Medium"),
]
NEUTRAL_BIZ = [  # a business named without a food-safety problem
 ("{b}今天开业，全场八折，欢迎光临。", "None"),
 ("{b}招聘服务员两名，待遇面议。", "None"),
 ("春节期间{b}正常营业，订餐电话见门口。", "None"),
 ("{b}荣获市级“放心餐饮”示范店称号。", "Low"),
]
OTHER = [  # no register business
 ("本溪市开展食品安全宣传周活动，发放宣传资料三千份。", "Low", ""),
 ("溪湖区今日停水通知：河东街道部分小区上午停水。", "None", ""),
 ("平山区召开安全生产工作会议，部署冬季防火。", "None", ""),
 ("沈阳市某饭店发生食物中毒，二十余人送医。", "High", ""),
 ("大连一家海鲜市场被查出销售病死猪肉。", "High", ""),
 ("明山区高峪街道组织老年人健康体检。", "None", ""),
 ("网友：本溪的冬天真冷，出门记得穿厚点。", "None", ""),
 ("南芬区思山岭景区枫叶正红，游客如织。", "None", ""),
 ("某外卖平台商家被曝后厨卫生差，平台已下架。", "Medium", ""),
 ("本溪县草河口镇修路，请绕行。", "None", ""),
 ("专家提醒：冬季吃火锅注意食品安全，生熟分开。", "Low", ""),
 ("溪湖区彩屯街道新建社区食堂投入使用。", "None", ""),
 ("春天来了，平山区的桃花开了。", "None", ""),
 ("小区门口的小吃店晚上开到十点，很方便。", "None", ""),
 ("网友吐槽某超市排队太长，收银台太少。", "None", ""),
 ("东风吹，战鼓擂——溪湖区冬季运动会开幕。", "None", ""),
 ("听说金源小区要拆迁了，有知道的吗？", "None", ""),
 ("市场监管局提醒：购买预包装食品看清保质期，谨防过期食品。", "Medium", ""),
 ("本溪市场监管部门公布第三季度抽检结果，合格率 98%。", "Low", ""),
 ("高台子街道举办广场舞比赛。", "None", ""),
]
rows = []
def add(text, expected, severity, note):
    rows.append({"text": text, "expected": expected, "severity": severity, "note": note})
# 1. each business with problems, several ways of naming it (and sometimes its place)
for bid, says in SAY.items():
    picks = random.sample(EVENTS, k=min(len(EVENTS), 5))
    for i, (tpl, sev) in enumerate(picks):
        add(tpl.format(b=says[i % len(says)]), bid, sev, "named")
# 2. chains: disambiguated by the place, or left open
for tpl, sev in random.sample(EVENTS, 4):
    add("平山区" + tpl.format(b="华润万家超市"), "B07", sev, "chain+place")
    add("明山区" + tpl.format(b="华润万家超市"), "B08", sev, "chain+place")
for tpl, sev in random.sample(EVENTS, 3):
    add(tpl.format(b="华润万家超市"), "B07|B08", sev, "chain, no place")
for tpl, sev in random.sample(EVENTS, 3):
    add("东明街道" + tpl.format(b="乐购生鲜超市"), "B10", sev, "chain+place")
    add("河西街道" + tpl.format(b="乐购生鲜超市"), "B09", sev, "chain+place")
for tpl, sev in random.sample(EVENTS, 3):
    add("站前街道的" + tpl.format(b="蜜雪冰城"), "B23", sev, "chain+place")
    add("新明街道" + tpl.format(b="蜜雪冰城"), "B24", sev, "chain+place")
# 3. neutral mentions of registered businesses (matched, not a problem)
for bid in random.sample(list(SAY), 20):
    tpl, sev = random.choice(NEUTRAL_BIZ)
    add(tpl.format(b=SAY[bid][0]), bid, sev, "named, neutral")
# 4. nothing registered
for text, sev, exp in OTHER:
    add(text, exp, sev, "no business")
# 5. hard cases written by hand
HARD = [
 ("溪湖区一家小吃店被曝使用过期原料。", "", "Medium", "generic word only: not B11"),
 ("本溪市溪湖区小吃店被曝使用过期原料。", "B11", "Medium", "the full name of a generic-sounding business"),
 ("沈阳好味餐馆食物中毒事件后续：涉事老板被拘。", "", "High", "a namesake in another city (known false positive)"),
 ("春天面馆和老边饺子馆都被网友点名卫生差，苍蝇多。", "B12;B02", "Medium", "two businesses"),
 ("第十二中学食堂饭菜变质，家长群炸锅。", "B14", "Medium", "school canteen"),
 ("阳光幼儿园食堂午餐后多名幼儿呕吐，已送医。", "B15", "High", "kindergarten"),
 ("天赐乳业生产的酸奶检出三聚氰胺？官方辟谣：系谣言。", "B16", "High", "rumour still concerns the business"),
 ("老王家卤味店主说：我们家的卤味都是当天做的。", "B26", "None", "an owner's statement"),
 ("兴隆屠宰场涉嫌私屠滥宰病死猪，已被查封。", "B28", "High", "slaughterhouse"),
 ("日月岛渔村的鱼不新鲜，吃完肚子疼。", "B29", "Low", "vague complaint"),
 ("金源饭店旁边新开了一家烧烤。", "B13", "None", "mentioned as a landmark"),
 ("网友问：鑫源食品的豆腐干还能买吗？听说不合格。", "B03", "Medium", "question"),
 ("福满楼的婚宴菜品有异物，新人很生气。", "", "Low", "short name below the register's aliases (福满楼 without 酒店): missed by design"),
 ("利民菜市场有摊贩销售三无产品。", "B21", "Medium", "market"),
 ("思山岭豆制品厂被责令停产整顿。", "B22", "None", "no keyword"),
 ("宏达肉联厂的冷库里发现过期冻肉两吨。", "B06", "Medium", "factory"),
 ("康源粮油大米被指以次充好。", "B20", "Medium", "grain"),
 ("聚福源烧烤的羊肉串是鸭肉冒充的？记者调查。", "B19", "None", "fraud without keyword"),
 ("绿源农家乐的野生蘑菇致 5 名游客中毒。", "B18", "High", "farm stay"),
 ("桥北早餐店的油条用的是反复使用的老油。", "B27", "None", "no keyword"),
]
for t, e, s, n in HARD:
    add(t, e, s, n)
# Tab-separated (no text holds a tab), UTF-8, one header line.
with open("opinion-labelled.tsv", "w", encoding="utf-8") as f:
    f.write("text\texpected\tseverity\tnote\n")
    for r in rows:
        assert "\t" not in r["text"]
        f.write(f"{r['text']}\t{r['expected']}\t{r['severity']}\t{r['note']}\n")
with open("opinion-register.tsv", "w", encoding="utf-8") as f:
    f.write("key\tname\tregion\n")
    for k, n, reg in R:
        f.write(f"{k}\t{n}\t{reg}\n")
print(len(rows))
