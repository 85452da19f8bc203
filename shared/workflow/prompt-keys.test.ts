import { describe, expect, it } from 'vitest';
import { announcedKeys } from './prompt-keys.js';

const keys = (text: string) => announcedKeys(text).map((a) => a.key);

describe('announcedKeys in English menus', () => {
  it.each([
    ['For sales, press 1. For support, press 2.', ['1', '2']],
    ['Press 1 for sales, 2 for support, or 3 for billing.', ['1', '2', '3']],
    ['To reach us, press 1 or 2.', ['1', '2']],
    ['Please press 1, 2, or 3.', ['1', '2', '3']],
    ['Press 1, 2 or 3 now.', ['1', '2', '3']],
    ['Dial 0 to speak with the operator.', ['0']],
    ['For billing, press one. For anything else, press zero.', ['1', '0']],
    ['To hear these options again, press star.', ['*']],
    ['To return to the main menu, press the pound key.', ['#']],
    ['Press hash to go back.', ['#']],
    ['Press # when you are done.', ['#']],
    ['Press 1 for support; 3 for sales.', ['1', '3']],
    ['Select option 4 to leave a message.', ['4']],
    ['For sales press 1. 2 for support.', ['1', '2']],
    ['If you know your party’s extension, dial it now. For the directory, press 9.', ['9']],
    ['Press 1 for sales or 2 to hear our hours.', ['1', '2']],
    ['To repeat this menu, press the star key. To leave, hang up.', ['*']],
    ['PRESS 5 FOR THE FRONT DESK.', ['5']],
    ['Press 1 for 24-hour support.', ['1']],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it.each([
    'We are open Monday to Friday, 9 to 6.',
    'Our office hours are 9:00 a.m. to 6:00 p.m.',
    'If this is an emergency, hang up and dial 911.',
    'You can also call 02-123-4567.',
    'Visit us at 123 Main Street, Suite 4, since 1998.',
    'Please enter 6 digits.',
    'Please enter your 6 digit booking number.',
    'Dial 1 800 555 0199 for our head office.',
    'Thanks for calling, one moment please.',
    'Press 10 for the directory.',
    'We have served you for 2 years, 7 days a week, 9 to noon.',
    'Our new hours start on March 3, 2025.',
    'Calls may be recorded. Version 2.1 of our terms applies.',
    'Our fax is 02 123 4567, open 24/7.',
    'Call us between 9 and 5.',
  ])('finds no key in "%s"', (text) => {
    expect(keys(text)).toEqual([]);
  });

  it('quotes the words that announced the key, once per key, in order of first mention', () => {
    expect(announcedKeys('Press 1 or 4 for sales. Again: press 4.')).toEqual([
      { key: '1', phrase: 'Press 1 or 4' },
      { key: '4', phrase: 'Press 1 or 4' },
    ]);
  });
});

describe('announcedKeys in Korean menus', () => {
  it.each([
    ['영업 문의는 1번, 고객 지원은 2번을 눌러 주세요.', ['1', '2']],
    ['상담원 연결은 0번을 눌러 주세요.', ['0']],
    ['예약 확인은 3 번을 누르세요.', ['3']],
    ['1번 또는 2번을 눌러 주세요.', ['1', '2']],
    ['1, 2, 3번 중에서 선택해 주세요.', ['1', '2', '3']],
    ['1,2번 중 하나를 누르세요.', ['1', '2']],
    ['다시 들으시려면 별표를 눌러 주세요.', ['*']],
    ['이전 메뉴로 가시려면 우물 정자를 눌러 주세요.', ['#']],
    ['처음으로 돌아가시려면 # 버튼을 눌러 주세요.', ['#']],
    ['샵 버튼을 누르시면 처음으로 돌아갑니다.', ['#']],
    ['요금 안내는 4번, 해지 문의는 5번입니다.', ['4', '5']],
    ['1번이나 2번 중 하나를 눌러 주세요.', ['1', '2']],
    ['1번 키를 누르면 영업팀으로 연결됩니다.', ['1']],
    ['주문 조회는 1번, 배송 문의는 2번, 반품은 3번을 눌러 주세요.', ['1', '2', '3']],
    ['영어 안내를 원하시면 9번을 누르세요. For English, press 9.', ['9']],
    ['1번은 영업, 2번은 기술 지원입니다.', ['1', '2']],
    ['상담원과 통화하시려면 0번, 메뉴를 다시 들으시려면 별표를 눌러 주세요.', ['0', '*']],
  ])('%s', (text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it.each([
    '저희 사무실은 서울시 중구 세종대로 1번지에 있습니다.',
    '역삼동 123-4번지 2층으로 오시면 됩니다.',
    '3번째 안내를 들으시려면 잠시 기다려 주세요.',
    '상담 시간은 평일 오전 9시부터 오후 6시까지입니다.',
    '24시간 접수 가능합니다.',
    '대표번호 1588-1234번으로 전화 주세요.',
    '지하철 2호선 강남역 3번 출구로 나오시면 됩니다.',
    '비밀번호를 3번 이상 잘못 입력하시면 잠깁니다.',
    '마을버스 2번을 타시고 오세요.',
    '온라인 샵에서 주문하실 수 있습니다. 네일샵 예약도 가능합니다.',
    '내선 203번을 누르세요.',
    '2024년 1월 1일부터 변경됩니다.',
    '전화번호를 입력하신 뒤 잠시 기다려 주세요.',
    '휴대폰 010-1234-5678로 문자를 보내 드립니다.',
    '안내를 2번 반복합니다.',
  ])('finds no key in "%s"', (text) => {
    expect(keys(text)).toEqual([]);
  });

  it('quotes the words that announced the key', () => {
    expect(announcedKeys('영업은 1번, 처음으로는 샵 버튼을 눌러 주세요.')).toEqual([
      { key: '1', phrase: '1번' },
      { key: '#', phrase: '샵 버튼' },
    ]);
  });
});
