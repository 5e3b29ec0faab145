/**
 * Word lists behind the name recognisers. Simplified forms only for Chinese: traditional forms are
 * derived at start-up with OpenCC (see `chinese-lexicon.ts`), so the two scripts never drift apart.
 */

/** Common single-character surnames (百家姓, ordered roughly by frequency; first 60 are the most common). */
export const CN_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤区麦岑冼甄关骆邝翁伍柯欧' +
  '霍卓温施洪游简凌容巫连' +
  // Less common surnames from 百家姓 (weight 0.5): still real, and common enough in a city's schools.
  '萧安沙常牛赖康文成符巩靳窦岳樊葛邢齐易乔庞颜倪庄聂章鲁翟殷詹申耿兰焦俞左柳甘祝包宁尚舒阮纪梅童毕单季裴涂苗谷盛曲冉蓝路辛管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤时穆农司古吉缪车项芦褚娄戚景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣寇桑郎甄丛仲虞敖明佘池查麻苑迟';

/** Compound surnames (复姓). */
export const CN_COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '皇甫',
  '司徒',
  '尉迟',
  '令狐',
  '慕容',
  '夏侯',
  '端木',
  '公孙',
  '轩辕',
  '长孙',
  '宇文',
  '澹台',
  '独孤',
  '南宫',
  '东方',
  '西门',
  '钟离',
  '申屠',
  '呼延',
  '万俟',
  '闻人',
  '东郭',
  '濮阳',
];

/**
 * Characters common in given names (simplified). Membership raises a candidate's score; absence does not
 * exclude it (context can still carry a rare name).
 */
export const CN_GIVEN_NAME_CHARS =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建林波宁欣怡梓涵子轩浩宇诗琪嘉晨雨萱' +
  '一诺依博文思彤俊熙语桐佳琳晓东海燕雪梅兰凤婷颖慧倩洁晶瑶琦璐蕾薇萌丹妍悦璇婉雯欢乐心怡然若曦' +
  '志国庆永春龙飞斌鑫凯亮新峰昊天泽瑞祥振宏成荣福贵安康家豪健权伦德仁义礼智信忠孝贤良恒毅坚锋' +
  '俊逸铭宸睿哲皓轩煜晟瀚霖沐阳阳航宇铄骏驰骁然凡帆远鸿翔鹤鸣嵩岳峻崇彬杉森林楠枫桦柏松竹菊莲' +
  '荷蓉芸芷若兮妮娅婧嫣媛姗娴淑贞惠美珊珍珠琼瑾瑜琬璟璐玥莹滢澜潇湘沁泓清源澄洁浩淼涵润' +
  '嘉卓颖慧敏捷聪颂歌舒畅锦绣秋冬夏晴朗月星辰光耀晖煦焕炜烨炫曜景昕昱晗晞昭旭日升昌盛' +
  '子文武斌彬士仕达伦纶维唯惟伊怡宜仪艺毅翼奕亦逸宁凝柔蓉茹如儒汝瑞睿锐润若' +
  '小大少中天宝立正思永佩珮珏琛瑄瑛琰琨琳铃玲灵伶龄岚蓝澜兰朗乐雷磊蕾黎莉丽俐力' +
  '家嘉佳加珈迦健建剑俊君钧骏峻筠均军伟炜玮韦卫蔚玮纬薇微维巍威' +
  '芷志智致至之知芝枝祺琪棋淇麒骐奇琦绮启其' +
  // Characters of recent given names (2000s–2010s births).
  '雄邦超博轩豪杰俊苒芊珺婧骞翊弈钰琛璟霏湉沅汐蔚馨沛炜焯曜尧彦梓芮萱晞朵柠檬诺言溪岩钦昀玮彧桉槿栩樾堇嫣妤婕娉姝玹' +
  // Frequent in Hong Kong and Macao given names (天佑, 卓謙, 灝燊, 希彤, 晉鈞), 繁 forms added by OpenCC.
  '佑祐谦溢灏燊键棨希恩荞绰晋钧楷滔';

/** Characters that usually start the word after a name (verbs, particles, titles): a name ends before them. */
export const CN_AFTER_NAME_CHARS =
  '同老先女校主教医醫家的在说說是和与與及等今也都已将將会會获獲表参參为為担擔负負被把向对對从從于於妈媽爸哥姐弟妹' +
  '学學因所这這那请請让讓给給带帶跟到去来來回做写寫读讀画畫唱跳加入选選代任現现曾再又还還就';

/** Words that follow a bare surname as an honorific: 陈老师, 李先生 → the surname alone refers to a person. */
export const CN_HONORIFICS = [
  '老师',
  '先生',
  '女士',
  '小姐',
  '太太',
  '校长',
  '主任',
  '同学',
  '教授',
  '医生',
  '博士',
  '姑娘',
  '阿姨',
  '叔叔',
  '伯伯',
  'sir',
  'Sir',
  '生',
  '姐',
  '哥',
];

/** Characters that cannot start a given name (function words, numerals, measure words, time words). */
export const CN_NON_NAME_CHARS =
  '的了是在和与及或也都就不没很把被给对从向这那个们上下里外来去说等年月日号时分第之其为着过吗呢吧啊' +
  '有无到于以而并且但又再还已将要会能可应该让使由自被所如因此则即各每某该本该此些样么什怎哪谁' +
  '嘅咗嗰喺係唔冇啲哋咁嘢佢噉吖呀啦喎嘛' +
  '一二三四五六七八九十百千万亿两几半零〇元角块次名位种件条张只本篇首页课单元节班级组队校部门' +
  '初学院系科题分数量度米克秒点';

/** Hong Kong / Macao romanised surnames (Jyutping-era government spellings, and Macao's). */
export const HK_MO_SURNAMES = new Set([
  'chan',
  'chen',
  'wong',
  'lee',
  'li',
  'cheung',
  'lau',
  'ho',
  'leung',
  'lam',
  'ng',
  'tang',
  'yip',
  'chow',
  'tsang',
  'kwok',
  'lai',
  'fung',
  'mak',
  'tse',
  'cheng',
  'yeung',
  'choi',
  'au',
  'lo',
  'ma',
  'poon',
  'siu',
  'tam',
  'wu',
  'yu',
  'hui',
  'kwan',
  'lui',
  'sin',
  'so',
  'tong',
  'chu',
  'chiu',
  'leong',
  'lei',
  'ieong',
  'iao',
  'kuan',
  'vong',
  'chao',
  'sou',
  'lou',
  'fong',
  'law',
  'yau',
  'kong',
  'chung',
  'man',
  'mok',
  'pang',
  'shek',
  'sze',
  'to',
  'tsui',
  'wan',
  'yiu',
  'yuen',
  'chui',
  'ip',
  'kam',
  'kan',
  'keung',
  'ko',
  'kwong',
  'lin',
  'liu',
  'lok',
  'lu',
  'mui',
  'ngai',
  'ngan',
  'or',
  'pun',
  'shum',
  'sit',
  'suen',
  'tai',
  'ting',
  'tsoi',
  'tung',
  'wai',
  'wang',
  'wen',
  'yan',
  'yim',
  'yung',
  'zhang',
  'zhao',
  'liang',
  'huang',
  'zhou',
  'xu',
  'sun',
  'hu',
  'guo',
  'lin',
  'luo',
  'song',
  'u',
  'un',
  'hoi',
  'kou',
  'sio',
  'lio',
  'cheong',
  'kuok',
  'chong',
  'tou',
  'wa',
  'hon',
  'im',
  'choy',
  'ha',
]);

/** Given names common among English speakers in Hong Kong, Macao and abroad (lower case). */
export const LATIN_GIVEN_NAMES = new Set(
  (
    'peter paul john mary david michael james robert william richard thomas charles daniel matthew anthony mark ' +
    'steven andrew joshua kevin brian george edward ronald timothy jason jeffrey ryan jacob gary nicholas eric ' +
    'jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack ' +
    'dennis jerry tyler aaron henry adam douglas nathan zachary kyle walter harold carl arthur gerald roger keith ' +
    'jeremy terry lawrence sean christian albert joe ethan austin jesse willie billy bryan bruce jordan ralph roy ' +
    'noah dylan eugene wayne alan juan louis russell gabriel randy philip harry vincent bobby johnny logan ' +
    'patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley ' +
    'kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia ' +
    'kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel ' +
    'catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren ' +
    'joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice ' +
    'jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie ' +
    'diana brittany natalie isabella charlotte rose alexis kayla chloe winnie kelvin ivan eddie alvin calvin ' +
    'derek dickson edmond felix gordon herman ken kenneth kenny leo marco oscar otto ricky simon tony vincent ' +
    'wilson alfred angus ben bernard chris clement desmond eason elton hayden isaac jackie jimmy joey karl ' +
    'leon lewis max nelson quincy rex sammy terence toby tom victor wesley wing yuki zoe ada agnes bonnie candy ' +
    'carmen cathy cecilia cherry cindy connie crystal daisy eva fanny fiona florence gigi gloria iris ivy jane ' +
    'janice jasmine jenny joanne josephine karen kitty lily lucy mabel mandy maggie mandy natalie peggy phoebe ' +
    'queenie rita ruby sally sandy selina sharon stella sylvia tiffany vivian wendy yvonne zoey ella mia aiden ' +
    'lucas liam mason elijah oliver owen caleb hugo jayden justin kaden kyle ryan sebastian tristan ' +
    // English names given to pupils born since about 2005 in Hong Kong and Macao, missing from older lists.
    'kayden cayden brayden ayden aidan jaden jayson grayson ashton asher kingsley hayley hailey harper skylar ' +
    'aurora kaylee kylie ariel elsa ayla aria arianna maddox nathaniel jovan kalvin kasey kason jaydon'
  ).split(/\s+/),
);

/** Portuguese given names frequent in Macao. */
export const PORTUGUESE_GIVEN_NAMES = new Set(
  (
    'maria josé jose joão joao ana antónio antonio manuel francisco pedro paulo rita sofia inês ines carlos luís luis ' +
    'miguel teresa isabel helena fernando jorge ricardo rui nuno tiago diogo duarte gonçalo goncalo afonso ' +
    'beatriz mariana leonor matilde catarina joana marta filipa raquel sara patrícia patricia cristina fátima ' +
    'fatima graça graca conceição conceicao lurdes rosa alberto augusto eduardo henrique vasco bruno hugo andré ' +
    'andre sérgio sergio vítor vitor rodrigo tomás tomas lourenço lourenco salvador simão simao'
  ).split(/\s+/),
);

/** Portuguese surnames frequent in Macao (lower case, accents kept and stripped). */
export const PORTUGUESE_SURNAMES = new Set(
  (
    'silva santos costa pereira rodrigues ferreira sousa gomes lopes marques fernandes alves almeida ribeiro ' +
    'carvalho rosário rosario jesus conceição conceicao oliveira martins xavier remédios remedios noronha botelho ' +
    'gonçalves goncalves pinto teixeira correia mendes nunes soares vieira monteiro cardoso rocha neves coelho ' +
    'cruz cunha pires ramos reis simões simoes antunes matos fonseca machado araújo araujo barbosa tavares lourenço ' +
    'lourenco castro figueiredo azevedo freitas gaspar baptista batista sequeira senna fernandes assis jorge'
  ).split(/\s+/),
);

export const NAME_TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'madam',
  'sr',
  'sra',
  'srta',
  'dona',
  'dom',
  'master',
]);

/**
 * Hong Kong and Macao place names in romanisation: they look exactly like names (Wong Tai Sin, Ho Man Tin,
 * Lai Chi Kok) and must not be taken for people.
 */
export const LATIN_PLACE_NAMES = [
  'Hong Kong',
  'Kowloon',
  'New Territories',
  'Sham Shui Po',
  'Wan Chai',
  'Tai Po',
  'Sha Tin',
  'Tsuen Wan',
  'Tuen Mun',
  'Yuen Long',
  'Kwun Tong',
  'Wong Tai Sin',
  'Mong Kok',
  'Yau Ma Tei',
  'Ho Man Tin',
  'Lam Tin',
  'Lai Chi Kok',
  'Cheung Sha Wan',
  'Chai Wan',
  'Siu Sai Wan',
  'Ma On Shan',
  'Lok Fu',
  'Kowloon Tong',
  'Kwai Chung',
  'Tsing Yi',
  'To Kwa Wan',
  'Fo Tan',
  'Tai Wai',
  'Shek Kip Mei',
  'Lei Yue Mun',
  'Choi Hung',
  'Ngau Tau Kok',
  'Lo Wu',
  'Sai Kung',
  'Tseung Kwan O',
  'Tung Chung',
  'Ap Lei Chau',
  'Aberdeen',
  'Causeway Bay',
  'North Point',
  'Quarry Bay',
  'Tai Koo',
  'Sai Wan Ho',
  'Shau Kei Wan',
  'Happy Valley',
  'Central',
  'Sheung Wan',
  'Admiralty',
  'Tsim Sha Tsui',
  'Jordan',
  'Hung Hom',
  'Kowloon City',
  'Kowloon Bay',
  'San Po Kong',
  'Diamond Hill',
  'Tai Wo',
  'Fanling',
  'Sheung Shui',
  'Tin Shui Wai',
  'Kwai Fong',
  'Lai King',
  'Mei Foo',
  'Prince Edward',
  'Yau Tong',
  'Sai Ying Pun',
  'Kennedy Town',
  'Pok Fu Lam',
  'Stanley',
  'Repulse Bay',
  'Discovery Bay',
  'Lantau',
  'Cheung Chau',
  'Macau',
  'Macao',
  'Taipa',
  'Coloane',
  'Cotai',
  'Nossa Senhora de Fátima',
  'Santo António',
  'São Lázaro',
  'São Lourenço',
  'Sé',
  'Areia Preta',
  'Ilha Verde',
  'Fai Chi Kei',
  'Iao Hon',
  'Toi San',
  'Guangzhou',
  'Shenzhen',
  'Zhuhai',
  'Foshan',
  'Dongguan',
  'Wuhan',
  'Hubei',
  'Guangdong',
  'Zhongshan',
  'Jiangmen',
  'Huizhou',
  'Zhaoqing',
  'Greater Bay Area',
  'Tai Hang',
  'Ho Sheung Heung',
  'Kam Tin',
  'Lau Fau Shan',
  'Wu Kai Sha',
  'Kai Tak',
];

/** Capitalised words that end or rule out a name (organisations, places, document words). */
export const LATIN_NON_NAME_WORDS = new Set(
  (
    'road rd street st avenue ave lane path terrace drive crescent square building mansion court garden gardens ' +
    'estate house centre center tower plaza block flat floor room school college secondary primary university ' +
    'kindergarten academy institute association church hospital library museum park station district class form ' +
    'grade year term semester the a an and of for in on at to by with from dear hi hello regards best thanks ' +
    'please note re fw subject date time tel phone email mobile name student parent teacher principal monday ' +
    'tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december english chinese maths mathematics science ai stem steam ict it pe ' +
    'music art history geography physics chemistry biology team group club contest competition olympiad award ' +
    'leader child son daughter mother father mum dad our your my his her their call ask tell coordinator member members classmate friend meet welcome congratulations thank when if since today tomorrow also but so then prize gold silver bronze first second third north south east west new limited ltd company bank rua avenida ' +
    'travessa estrada largo edifício edificio andar bloco macau macao kowloon china mainland region ' +
    'government bureau department office education programme program project lesson unit chapter page isbn ' +
    'exam test quiz homework report card certificate no number id passport card account ok yes no sir madam ' +
    // Portuguese letter openings: "Caro Sr. …", "Exma. Senhora …" start a letter, never a name.
    'caro cara caros caras prezado prezada prezados estimado estimada exmo exma exmos exmas'
  ).split(/\s+/),
);
